// Names of the events the Go side emits. Keep in step with the Go constants
// named in each comment.

/** importer.EventProgress: payload {importId, stage, message}. */
export const EVENT_SPEC_PROGRESS = 'spec:progress';

/** configuration.EventSignInStarted: payload {integrationId, configurationId, url, redirectUri, browserError?}. */
export const EVENT_SIGNIN_STARTED = 'auth:signin-started';

/** runner.EventPage: payload {runId, page: PageTrace} as each page of a run finishes. */
export const EVENT_RUN_PAGE = 'runner:page';
