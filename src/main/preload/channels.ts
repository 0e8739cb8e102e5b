// IPC channel names, shared by the preload and src/main/transport/ipc.ts. Kept in a file with no
// imports so the preload bundle does not pull in the main-process side.

/** invoke(CALL_CHANNEL, method, input, locale) → Result envelope. */
export const CALL_CHANNEL = 'crm:call';
/** send(EVENT_CHANNEL, eventName, payload) from main to every app window. */
export const EVENT_CHANNEL = 'crm:event';
