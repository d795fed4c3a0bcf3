/** The environment variable that carries the chosen plan from `npm start` to the deck's build. */
export const PLAN_ENV = 'WORKSHOP_PLAN'
