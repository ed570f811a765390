/** The HTTP face of assets: upload, description and download. */
package io.vitrine.asset.boundary;
