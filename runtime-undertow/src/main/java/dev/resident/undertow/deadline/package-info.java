/**
 * Request deadlines and the responses they guard (R-REQ-5, R-REQ-6): one timer per host for every
 * deadline, a per-request guard that interrupts the handler at the soft deadline and answers 500 at the
 * hard one, and a response buffer that holds a response until its handler returns, so that an unfinished
 * response can still be replaced by a clean 500.
 */
package dev.resident.undertow.deadline;
