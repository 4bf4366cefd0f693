package org.eelt.trainer.model;

/**
 * One dense layer inside the flat parameter vector: y = act(x·W + b) (· idt) (+ skip(x)).
 *
 * <p>W is stored row-major (in × out) at {@link #w()}, b (out) at {@link #b()}, and the
 * timestep vector idt (out) at {@link #idt()} or −1 without resnet_dt. The skip follows
 * DeePMD-kit: identity when out = in, [x, x] when out = 2·in, none otherwise (and never for
 * the linear output layer).
 *
 * @param in   input width
 * @param out  output width
 * @param w    offset of W in the parameter vector
 * @param b    offset of b
 * @param idt  offset of idt, or −1 (no resnet_dt, or no skip)
 * @param tanh true for tanh hidden layers, false for the linear output layer
 * @param skip 0 none, 1 identity (out = in), 2 concatenation (out = 2·in)
 */
public record Layer(int in, int out, int w, int b, int idt, boolean tanh, int skip) {
    /** @return the number of parameters of this layer. */
    public int size() {
        return in * out + out + (idt >= 0 ? out : 0);
    }

    static int skipFor(int in, int out, boolean tanh) {
        if (!tanh) {
            return 0;
        }
        return out == in ? 1 : out == 2 * in ? 2 : 0;
    }
}
