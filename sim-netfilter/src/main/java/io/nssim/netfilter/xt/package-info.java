/**
 * x_tables: a table's committed generation ({@link io.nssim.netfilter.xt.TableModel}, changed through
 * {@link io.nssim.netfilter.xt.TableEdit} transactions that check what the kernel checks), compiled into an
 * immutable {@link io.nssim.netfilter.xt.TableSnapshot} that the packet path reads through one volatile
 * reference (the RCU stand-in), and {@link io.nssim.netfilter.xt.XtEval} ({@code ipt_do_table}) walking it
 * without allocating. Rules keep their {@link io.nssim.netfilter.xt.Counter} across generations.
 */
package io.nssim.netfilter.xt;
