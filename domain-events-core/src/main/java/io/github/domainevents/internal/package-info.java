/**
 * Machinery shared by the core's packages. Not part of the API: the module does not export this
 * package, and anything here may change in any release.
 */
@NullMarked
package io.github.domainevents.internal;

import org.jspecify.annotations.NullMarked;
