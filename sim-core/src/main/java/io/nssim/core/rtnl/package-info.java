/**
 * The rtnl mutex of net/core/rtnetlink.c: nesting, and the work its outermost unlock runs (linkwatch, then
 * {@code netdev_run_todo}), installed by the device layer. The netns cleanup worker and the device layer both
 * take it here.
 */
package io.nssim.core.rtnl;
