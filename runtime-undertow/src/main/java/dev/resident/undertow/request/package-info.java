/**
 * The request path, one small handler per concern, read top to bottom: request ids
 * ({@link dev.resident.undertow.request.RequestIdHandler}), internal requests and reserved paths
 * ({@link dev.resident.undertow.request.InternalPathHandler}), App Engine headers
 * ({@link dev.resident.undertow.request.AppEngineHeadersHandler}), the target of the port (routing), the
 * target version's request limits ({@link dev.resident.undertow.request.RequestLimitsHandler}), then
 * admission to an instance and the run on a request thread
 * ({@link dev.resident.undertow.request.AdmissionHandler}).
 */
package dev.resident.undertow.request;
