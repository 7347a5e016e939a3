/**
 * The web page of pixelstep: upload an image with a chain of operations built from the
 * operations the pipeline's layers offer, follow the workflow, compare the results. Served by
 * {@link dev.pixelstep.local.web.WebServer} over a {@link dev.pixelstep.local.web.Backend}: the
 * embedded pipeline ({@link dev.pixelstep.local.web.LocalBackend}) or a deployment on AWS
 * ({@link dev.pixelstep.local.web.AwsBackend}).
 */
package dev.pixelstep.local.web;
