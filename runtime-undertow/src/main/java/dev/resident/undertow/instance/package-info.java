/**
 * Instances and what each owns: state machine (R-MOD-5), start request and restart (R-LIFE-1, R-LIFE-2),
 * shutdown sequence (R-LIFE-5, R-LIFE-6), background and request threads (R-BG-1..4), the environment its
 * code sees (R-API-1..5); versions with their instances and the choice of an instance for a request
 * (R-REQ-4).
 */
package dev.resident.undertow.instance;
