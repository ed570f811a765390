package io.vitrine.publish.export;

/** A column of a flat export (CSV, XLSX): its header and where its cells come from. */
public record Column(String header, FieldSource source) {}
