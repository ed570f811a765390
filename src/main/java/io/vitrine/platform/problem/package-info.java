/** RFC 9457 problem answers: one exception type, one mapping, every violation listed. */
package io.vitrine.platform.problem;
