/**
 * The application: {@code Main} and its command-line verbs, configuration loading and validation,
 * and the wiring that starts a node (grid member, services, verticles) and stops it cleanly.
 */
package io.arbiter.app;
