/** What every feature stands on: the REST application and start-up. */
package io.vitrine.platform;
