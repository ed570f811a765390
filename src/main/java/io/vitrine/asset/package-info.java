/**
 * Digital assets: files stored once by their content's SHA-256 under the data directory, checked
 * for what they really are, and described (type, size, dimensions, orientation) in the database.
 */
package io.vitrine.asset;
