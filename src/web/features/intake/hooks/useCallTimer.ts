import { useEffect, useRef, useState } from 'react';

/** mm:ss (minutes may pass 99), always with Western digits so it reads the same in every language. */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** Whole minutes for the duration field: a started minute counts, so a 20-second call is 1 minute. */
export const minutesOf = (seconds: number) => (seconds === 0 ? 0 : Math.ceil(seconds / 60));

/**
 * A call timer that can be started, paused and resumed. Time is measured from the clock, not by counting
 * ticks, so a busy or throttled tab still shows the right time.
 */
export function useCallTimer() {
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const banked = useRef(0);
  const startedAt = useRef<number | null>(null);

  useEffect(() => {
    if (!running) return;
    const tick = () =>
      setSeconds(Math.floor((banked.current + Date.now() - (startedAt.current ?? Date.now())) / 1000));
    const id = window.setInterval(tick, 500);
    return () => window.clearInterval(id);
  }, [running]);

  function start() {
    if (running) return;
    startedAt.current = Date.now();
    setRunning(true);
  }
  function pause() {
    if (!running) return;
    banked.current += Date.now() - (startedAt.current ?? Date.now());
    startedAt.current = null;
    setSeconds(Math.floor(banked.current / 1000));
    setRunning(false);
  }
  return { running, seconds, start, pause, toggle: () => (running ? pause() : start()) };
}
