package io.vitrine.product;

/**
 * One association from an owner to a target, of one association type; {@code quantity} is set for
 * quantified types only.
 */
public record Link(String type, Node target, Integer quantity) {}
