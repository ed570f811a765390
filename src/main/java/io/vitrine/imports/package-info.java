/** Bringing data in; for now, the sample catalog loaded into an empty database at first start. */
package io.vitrine.imports;
