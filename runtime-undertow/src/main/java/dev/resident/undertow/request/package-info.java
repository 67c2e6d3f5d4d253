/**
 * The request path, one small handler per concern, read top to bottom: internal requests and reserved
 * paths ({@link dev.resident.undertow.request.InternalPathHandler}), App Engine headers
 * ({@link dev.resident.undertow.request.AppEngineHeadersHandler}), request ids
 * ({@link dev.resident.undertow.request.RequestIdHandler}), the target of the port (routing), then admission
 * to an instance and the run on a request thread ({@link dev.resident.undertow.request.AdmissionHandler}).
 */
package dev.resident.undertow.request;
