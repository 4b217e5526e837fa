/** Throughput of the mode classifier ({@code listen.modes}) on generated posts. */
package dev.chorus.bench.modes;
