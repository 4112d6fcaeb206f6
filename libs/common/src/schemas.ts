// The field schemas live in the contracts the web app shares; they are re-exported here for the API's path parameters
// and services.
export { isoDate, letterDate, moneySchema, planningDate, stateCodeSchema, taxonomyCode, taxonomyCodes, text, uuidParam } from '@app/contracts';
