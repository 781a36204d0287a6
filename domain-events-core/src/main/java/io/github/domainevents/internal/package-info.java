/**
 * Machinery shared between the library's own packages. Not exported by the module: nothing here
 * is API, and it may change in any release.
 */
@NullMarked
package io.github.domainevents.internal;

import org.jspecify.annotations.NullMarked;
