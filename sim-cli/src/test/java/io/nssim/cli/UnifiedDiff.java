package io.nssim.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts (line based, three lines of context), for readable test failures. */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    public static String diff(String fromName, String a, String toName, String b) {
        List<String> x = lines(a);
        List<String> y = lines(b);
        int n = x.size();
        int m = y.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        // Edit script: ' ', '-', '+' with line indexes.
        List<char[]> ops = new ArrayList<>();
        List<int[]> idx = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && x.get(i).equals(y.get(j))) {
                ops.add(new char[] {' '});
                idx.add(new int[] {i++, j++});
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new char[] {'+'});
                idx.add(new int[] {i, j++});
            } else {
                ops.add(new char[] {'-'});
                idx.add(new int[] {i++, j});
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("--- ").append(fromName).append('\n').append("+++ ").append(toName).append('\n');
        int k = 0;
        while (k < ops.size()) {
            if (ops.get(k)[0] == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - 3);
            int end = k;
            int lastChange = k;
            while (end < ops.size() && (ops.get(end)[0] != ' ' || end - lastChange <= 6)) {
                if (ops.get(end)[0] != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(ops.size(), lastChange + 4);
            int aStart = idx.get(start)[0];
            int bStart = idx.get(start)[1];
            int aLen = 0;
            int bLen = 0;
            StringBuilder hunk = new StringBuilder();
            for (int h = start; h < end; h++) {
                char op = ops.get(h)[0];
                int[] ij = idx.get(h);
                if (op == ' ') {
                    hunk.append(' ').append(x.get(ij[0])).append('\n');
                    aLen++;
                    bLen++;
                } else if (op == '-') {
                    hunk.append('-').append(x.get(ij[0])).append('\n');
                    aLen++;
                } else {
                    hunk.append('+').append(y.get(ij[1])).append('\n');
                    bLen++;
                }
            }
            sb.append("@@ -").append(aStart + 1).append(',').append(aLen).append(" +").append(bStart + 1)
                    .append(',').append(bLen).append(" @@\n").append(hunk);
            k = end;
        }
        return sb.toString();
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(List.of(s.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
