/** The built-in examples: the seed's programs and the classic guide set. */
import type { TopologyInput } from '../topology';
import { helloWorld } from './helloWorld';
import { loadBalanced } from './loadBalanced';
import { broker } from './broker';
import { football, footballForwarder } from './football';
import { pipeline, pipelineStreamer } from './pipeline';
import { pair } from './pair';

export interface Example {
  id: string;
  topology: TopologyInput;
}

export const EXAMPLES: readonly Example[] = [
  { id: 'hello-world', topology: helloWorld },
  { id: 'load-balanced', topology: loadBalanced },
  { id: 'broker', topology: broker },
  { id: 'football', topology: football },
  { id: 'football-forwarder', topology: footballForwarder },
  { id: 'pipeline', topology: pipeline },
  { id: 'pipeline-streamer', topology: pipelineStreamer },
  { id: 'pair', topology: pair },
];

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

export { FOOTBALL_LINES } from './football';
