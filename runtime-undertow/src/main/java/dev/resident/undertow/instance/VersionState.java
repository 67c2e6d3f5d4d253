package dev.resident.undertow.instance;

/** The state all instances of a version share (R-MOD-5). */
public enum VersionState {
  /** Instances run (manual) or are made on demand (basic, automatic). */
  STARTED,
  /** No instance runs; requests get 503. */
  STOPPED
}
