/**
 * Helpers shared by the library's packages; not exported by the module descriptor and not part
 * of the API: anything here may change in any release.
 */
@NullMarked
package io.github.domainevents.internal;

import org.jspecify.annotations.NullMarked;
