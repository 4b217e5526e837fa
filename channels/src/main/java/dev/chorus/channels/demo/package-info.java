/**
 * The demo network: a simulated audience for the demo brand (Northwind Coffee, a coffee roaster
 * with cafés, a shop and a subscription), so that {@code ./chorus demo} shows the whole
 * conversation loop live without any real network.
 *
 * <p>Entry points: {@link dev.chorus.channels.demo.DemoNetwork}, made once by the composition root
 * (through {@code Connectors}), opens a {@link dev.chorus.channels.demo.DemoConnector} per demo
 * channel; the connector {@code ReadsMentions} (what was said since the cursor, in real time) and
 * {@code Publishes} (a reply is recorded, and the person answered often says thanks a little later
 * in the same thread).
 *
 * <p>Moving parts: {@code DemoStream} makes post {@code n} from the seed and {@code n} alone (tone,
 * language, author, thread, words, time), {@code DemoPeople} the audience with its regulars, {@code
 * DemoPhrases*} the templates and slot values per language, {@code DemoCursor} the reader's
 * position (stream position and answers read).
 */
package dev.chorus.channels.demo;
