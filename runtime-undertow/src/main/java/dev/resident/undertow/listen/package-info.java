/**
 * The host's sockets: one XNIO worker and any number of HTTP listeners opened and closed while the host
 * runs, for the main port, a port per version and a port per manual or basic instance (R-HOST-3).
 */
package dev.resident.undertow.listen;
