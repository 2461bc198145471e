/** The time, passed in so core and tests never read the clock themselves. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
