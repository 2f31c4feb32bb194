import { memo, useSyncExternalStore } from 'react';
import type { TraceFeed } from './traceFeed';
import { formatCount } from './format';

const n = formatCount;
const plural = (x: number, one: string, many = `${one}s`): string => `${n(x)} ${x === 1 ? one : many}`;

export interface TraceStatusProps {
  feed: TraceFeed;
  following: boolean;
  scrollPaused: boolean;
  filtering: boolean;
  onJump(): void;
  onTogglePause(): void;
}

/**
 * The counts over the table, refreshed every frame without touching the rows: records shown,
 * records the bounds dropped (always shown once there are any), missed batches, and how many
 * arrived while the user was scrolled away.
 */
export const TraceStatus = memo(function TraceStatus({ feed, following, scrollPaused, filtering, onJump, onTogglePause }: TraceStatusProps) {
  const s = useSyncExternalStore(feed.subscribeStats, feed.getStats);
  return (
    <div className="zs-trace-status" data-testid="trace-status">
      <span data-testid="trace-count" data-rows={s.rows} data-held={s.held}>
        {filtering ? `${n(s.rows)} of ${plural(s.held, 'record')}` : plural(s.held, 'record')}
      </span>
      {s.dropped > 0 && (
        <span className="zs-trace-dropped" data-testid="trace-dropped" title="the oldest records go first when a bound is reached; the counters on the canvas still count every message">
          {n(s.dropped)} older {s.dropped === 1 ? 'record' : 'records'} dropped (ring holds {n(s.capacity)})
        </span>
      )}
      {s.missedBatches > 0 && (
        <span className="zs-trace-dropped" data-testid="trace-missed" title="batches of records that never reached the page (e.g. while the connection was re-established)">
          {plural(s.missedBatches, 'batch', 'batches')} missed
        </span>
      )}
      <span className="zs-trace-spacer" />
      {!following && s.fresh > 0 && (
        <button type="button" className="zs-trace-jump" onClick={onJump} data-testid="trace-jump">
          {n(s.fresh)} new — jump to latest ↓
        </button>
      )}
      <button type="button" className="zs-icon-button" onClick={onTogglePause} aria-pressed={scrollPaused} data-testid="trace-pause-scroll"
        title={scrollPaused ? 'follow the newest records again' : 'stop following the newest records (the run goes on, records keep arriving)'}>
        {scrollPaused ? 'Follow newest ↓' : 'Pause scroll'}
      </button>
    </div>
  );
});
