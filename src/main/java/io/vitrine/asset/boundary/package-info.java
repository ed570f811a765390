/** The HTTP face of assets: upload (one file, or a form of many), description and download. */
package io.vitrine.asset.boundary;
