/** The module-path check: one program that runs the same on the class path and on the module path. */
@NullMarked
package com.example.clientele.modulecheck;

import org.jspecify.annotations.NullMarked;
