/**
 * The entry point of {@code vitrine.jar}: maps {@code vitrine.port} to Payara Micro's port and
 * starts it.
 */
package io.vitrine.launcher;
