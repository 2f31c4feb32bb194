import { memo } from 'react';
import { describeAction, resolveTopology } from '../../../shared/lessons';
import type { Lesson } from '../../../shared/lessons';
import { Topology } from '../../../shared/topology';
import { performsActions } from '../../store/lessonObserver';

/**
 * Says that the student's own run is judged when it ends and, for a lesson with scripted steps
 * (a worker killed mid-run), what the page will do by itself once the run goes.
 */
export const YourRunNote = memo(function YourRunNote({ lesson }: { lesson: Lesson }) {
  if (!performsActions(lesson))
    return <p className="zs-muted">Your own run of this topology is checked when it ends.</p>;
  const [run] = lesson.runs;
  const parsed = Topology.safeParse(resolveTopology(run.topology));
  const steps = (run.actions ?? []).map((a) => describeAction(a, parsed.success ? parsed.data : undefined));
  return (
    <p className="zs-muted" data-testid="lesson-steps">
      Your own run of this topology is checked when it ends. Once it runs, the lesson does this by itself:{' '}
      {steps.join(', then ')}. (Not in step mode: there, do it yourself from the node&apos;s inspector.)
    </p>
  );
});
