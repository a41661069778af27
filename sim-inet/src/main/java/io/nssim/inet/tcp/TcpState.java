package io.nssim.inet.tcp;

/** The TCP states with the kernel's numbers ({@code include/net/tcp_states.h}) and the names ss prints. */
public enum TcpState {
    ESTABLISHED(1, "ESTAB"),
    SYN_SENT(2, "SYN-SENT"),
    SYN_RECV(3, "SYN-RECV"),
    FIN_WAIT1(4, "FIN-WAIT-1"),
    FIN_WAIT2(5, "FIN-WAIT-2"),
    TIME_WAIT(6, "TIME-WAIT"),
    CLOSE(7, "UNCONN"),
    CLOSE_WAIT(8, "CLOSE-WAIT"),
    LAST_ACK(9, "LAST-ACK"),
    LISTEN(10, "LISTEN"),
    CLOSING(11, "CLOSING");

    private final int number;
    private final String ssName;

    TcpState(int number, String ssName) {
        this.number = number;
        this.ssName = ssName;
    }

    /** {@code TCP_ESTABLISHED} ... as /proc/net/tcp prints it ({@code st}). */
    public int number() {
        return number;
    }

    /** The state column of {@code ss} ({@code sstate_name}). */
    public String ssName() {
        return ssName;
    }

    /** Whether the connection is synchronized: both sides' initial sequence numbers are known. */
    boolean synchronizedState() {
        return this != SYN_SENT && this != LISTEN && this != CLOSE && this != SYN_RECV;
    }
}
