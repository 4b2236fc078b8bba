/*
 * session.h - the rules of a test session's clock
 *
 * The server owns the clock: a session ends when its time runs out, when its
 * tab closed and no heartbeat came back within the grace period, or when no
 * heartbeat came for the heartbeat timeout (config in api.h).
 */
#ifndef CE_SESSION_H
#define CE_SESSION_H

/*
 * Close every active session past one of those ends, in one statement: the
 * session, the candidate's status and an 'end' event.  Returns the number
 * of events written (0 also when the database is down).
 */
int session_sweep(void);

#endif
