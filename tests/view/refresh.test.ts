/** @jest-environment jsdom */
/** When the view draws again: at once after a quiet time, else once at the end of the cool-down. */
import { RefreshTimer } from '../../src/view/refresh';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('RefreshTimer', () => {
  it('runs on the next turn after a quiet time, gathering the requests of one turn', () => {
    const run = jest.fn();
    const timer = new RefreshTimer(run, 150);
    timer.request();
    timer.request();
    expect(run).not.toHaveBeenCalled();
    jest.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs a burst of requests once more at the end of the cool-down', () => {
    const run = jest.fn();
    const timer = new RefreshTimer(run, 150);
    timer.request();
    jest.advanceTimersByTime(0);
    for (let t = 0; t < 10; t++) {
      jest.advanceTimersByTime(10);
      timer.request();
    }
    expect(run).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(50);
    expect(run).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled', () => {
    const run = jest.fn();
    const timer = new RefreshTimer(run, 150);
    timer.request();
    timer.cancel();
    jest.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
