/** The {@code dl} source type: go.dev-style download directories (JSON index, checksums.txt, HTML listings, sidecars). */
package dev.jgvm.plugins.dl;
