import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { appStore, useAppStore } from '../../store/appStore';
import { compileFilter, edgePatterns, isFiltering } from './filter';
import { MessageInspector } from './MessageInspector';
import { TraceFeed } from './traceFeed';
import type { FrameClock } from './traceFeed';
import { TraceFilters } from './TraceFilters';
import { TraceStatus } from './TraceStatus';
import { TraceTable } from './TraceTable';

const animationFrames: FrameClock = { request: (fn) => requestAnimationFrame(fn), cancel: (id) => cancelAnimationFrame(id) };

/** One feed per filter: a new filter scans the ring once, then only new records. */
function useTraceFeed(): TraceFeed {
  const filter = useAppStore((s) => s.traceFilter);
  const edges = useAppStore((s) => s.topology.edges);
  const feed = useMemo(() => new TraceFeed(appStore, compileFilter(filter, edgePatterns(edges)).test, animationFrames), [filter, edges]);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return feed;
}

/** The Trace tab: filters, counts, the virtual table of records and, beside it, the message inspector. */
export const TracePanel = memo(function TracePanel() {
  const feed = useTraceFeed();
  const following = useAppStore((s) => s.followTail);
  const filtering = useAppStore((s) => isFiltering(s.traceFilter));
  // Paused by the button (not by scrolling up): reaching the bottom does not follow again.
  const [scrollPaused, setScrollPaused] = useState(false);

  useEffect(() => feed.setFollowing(following), [feed, following]);

  const onJump = useCallback(() => {
    setScrollPaused(false);
    appStore.getState().setFollowTail(true);
  }, []);
  const onTogglePause = useCallback(() => {
    const pause = !scrollPaused;
    setScrollPaused(pause);
    appStore.getState().setFollowTail(!pause);
  }, [scrollPaused]);

  return (
    <section className="zs-trace" aria-label="Trace" data-testid="trace-panel">
      <TraceFilters />
      <TraceStatus feed={feed} following={following} scrollPaused={scrollPaused} filtering={filtering} onJump={onJump} onTogglePause={onTogglePause} />
      <div className="zs-trace-split">
        <TraceTable feed={feed} scrollPaused={scrollPaused} />
        <MessageInspector />
      </div>
    </section>
  );
});
