package io.nssim.userland.progs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Outputs of the real tools on the recording machine (LC_ALL=C; coreutils 9.1, grep 3.8, sed 4.9, mawk 1.3.4),
 * each case's command in the comment above it, replayed against the simulated program. Files the command read
 * were created with the same contents in the simulated working directory (/root).
 */
class AwkOutputsTest {
    private final Harness h = new Harness();

    @Test
    void awkFieldsAndPatterns() {
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk '{print $2, NR}'
        assertEquals(new Harness.Run("b 1\nd 2\ny 3\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "{print $2, NR}"));
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk '{s+=$3} END{print s, NR, s/3}'
        assertEquals(new Harness.Run("8.5 3 2.83333\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "{s+=$3} END{print s, NR, s/3}"));
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk '$3 > 2 {print $1}'
        assertEquals(new Harness.Run("a\nc\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "$3 > 2 {print $1}"));
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk /c/,/x/
        assertEquals(new Harness.Run("c d 4\nx y 1.5\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "/c/,/x/"));
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk NR==2
        assertEquals(new Harness.Run("c d 4\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "NR==2"));
        // printf 'a b 3\nc d 4\nx y 1.5\n' | awk '{print NF; print $NF}'
        assertEquals(new Harness.Run("3\n3\n3\n4\n3\n1.5\n", 0), h.run("a b 3\nc d 4\nx y 1.5\n", "awk", "{print NF; print $NF}"));
        // printf 'a:b:c\n' | awk -F: '{print $2; $2="X"; print; print NF}'
        assertEquals(new Harness.Run("b\na X c\n3\n", 0), h.run("a:b:c\n", "awk", "-F:", "{print $2; $2=\"X\"; print; print NF}"));
        // printf 'a b c\n' | awk '{NF=2; print; $5="e"; print}'
        assertEquals(new Harness.Run("a b\na b   e\n", 0), h.run("a b c\n", "awk", "{NF=2; print; $5=\"e\"; print}"));
        // printf '  a   b  \n' | awk '{print NF, $1}'
        assertEquals(new Harness.Run("2 a\n", 0), h.run("  a   b  \n", "awk", "{print NF, $1}"));
        // printf 'a,b;c\n' | awk '-F[,;]' '{print $3}'
        assertEquals(new Harness.Run("c\n", 0), h.run("a,b;c\n", "awk", "-F[,;]", "{print $3}"));
        // printf 'a\tb c\n' | awk '-F\t' '{print $2}'
        assertEquals(new Harness.Run("b c\n", 0), h.run("a\tb c\n", "awk", "-F\\t", "{print $2}"));
        // printf '1\n2\n' | awk 'END{print NR, $0}'
        assertEquals(new Harness.Run("2 2\n", 0), h.run("1\n2\n", "awk", "END{print NR, $0}"));
        // awk -v v=5 'BEGIN{print v+1}'
        assertEquals(new Harness.Run("6\n", 0), h.run("", "awk", "-v", "v=5", "BEGIN{print v+1}"));
        // printf 'a b\n' | awk 'BEGIN{OFS="-"} {$1=$1; print}'
        assertEquals(new Harness.Run("a-b\n", 0), h.run("a b\n", "awk", "BEGIN{OFS=\"-\"} {$1=$1; print}"));
        // printf 'eth0 1\nlo 2\neth0 4\n' | awk '$1 ~ /^eth/ {n++} END {print n+0}'
        assertEquals(new Harness.Run("2\n", 0), h.run("eth0 1\nlo 2\neth0 4\n", "awk", "$1 ~ /^eth/ {n++} END {print n+0}"));
        // printf 'eth0 1\nlo 2\neth0 4\n' | awk '!seen[$1]++'
        assertEquals(new Harness.Run("eth0 1\nlo 2\n", 0), h.run("eth0 1\nlo 2\neth0 4\n", "awk", "!seen[$1]++"));
    }

    @Test
    void awkNumbersAndStrings() {
        // awk 'BEGIN{print 2^31, 2^53, 1e16, 1e300, -0, 0.1+0.2, 1/3, 100/3, 1e6, 123456789, 3.0, "3.0"+0, 1e-5}'
        assertEquals(new Harness.Run("2.14748e+09 9.0072e+15 1e+16 1e+300 0 0.3 0.333333 33.3333 1000000 123456789 3 3 1e-05\n", 0), h.run("", "awk", "BEGIN{print 2^31, 2^53, 1e16, 1e300, -0, 0.1+0.2, 1/3, 100/3, 1e6, 123456789, 3.0, \"3.0\"+0, 1e-5}"));
        // awk 'BEGIN{x; print length(x), substr("hello",0,2), substr("hello",-1), substr("hello",2), substr("hello",2,100), substr("hello",1.5,2)}'
        assertEquals(new Harness.Run("0 he hello ello ello he\n", 0), h.run("", "awk", "BEGIN{x; print length(x), substr(\"hello\",0,2), substr(\"hello\",-1), substr(\"hello\",2), substr(\"hello\",2,100), substr(\"hello\",1.5,2)}"));
        // awk 'BEGIN{printf "%5.2f|%-3d|%s|%c|%c|%x|%e|%g\n", 3.14159, 7, "s", 65, "hi", 255, 12345.678, 0.0001234}'
        assertEquals(new Harness.Run(" 3.14|7  |s|A|h|ff|1.234568e+04|0.0001234\n", 0), h.run("", "awk", "BEGIN{printf \"%5.2f|%-3d|%s|%c|%c|%x|%e|%g\\n\", 3.14159, 7, \"s\", 65, \"hi\", 255, 12345.678, 0.0001234}"));
        // awk 'BEGIN{print index("abc","c"), toupper("ab"), int(-3.7), 7%3, -7%3}'
        assertEquals(new Harness.Run("3 AB -3 1 -1\n", 0), h.run("", "awk", "BEGIN{print index(\"abc\",\"c\"), toupper(\"ab\"), int(-3.7), 7%3, -7%3}"));
        // awk 'BEGIN{n=split("a b  c", arr); print n, arr[3]; s="aaa"; print gsub(/a/,"b&",s), s}'
        assertEquals(new Harness.Run("3 c\n3 bababa\n", 0), h.run("", "awk", "BEGIN{n=split(\"a b  c\", arr); print n, arr[3]; s=\"aaa\"; print gsub(/a/,\"b&\",s), s}"));
        // awk 'BEGIN{print match("xxabc", /ab+/), RSTART, RLENGTH; print 1==1.0, "a"<"b", 2<10, "2"<"10"}'
        assertEquals(new Harness.Run("3 3 2\n1 1 1 0\n", 0), h.run("", "awk", "BEGIN{print match(\"xxabc\", /ab+/), RSTART, RLENGTH; print 1==1.0, \"a\"<\"b\", 2<10, \"2\"<\"10\"}"));
        // printf '2 10\n' | awk '{print ($1<$2)}'
        assertEquals(new Harness.Run("1\n", 0), h.run("2 10\n", "awk", "{print ($1<$2)}"));
        // awk 'BEGIN { printf "%d %d\n", "3x", 2147483648*4 }'
        assertEquals(new Harness.Run("3 2147483647\n", 0), h.run("", "awk", "BEGIN { printf \"%d %d\\n\", \"3x\", 2147483648*4 }"));
        // awk 'BEGIN{printf "%c|%5c|%.2s|%+d|% d|%e\n", 256+65, "x", "abc", 5, 5, 0}'
        assertEquals(new Harness.Run("A|    x|ab|+5| 5|0.000000e+00\n", 0), h.run("", "awk", "BEGIN{printf \"%c|%5c|%.2s|%+d|% d|%e\\n\", 256+65, \"x\", \"abc\", 5, 5, 0}"));
        // awk 'BEGIN{x = sprintf("%03d-%s", 7, "z"); print x; print length("abc") }'
        assertEquals(new Harness.Run("007-z\n3\n", 0), h.run("", "awk", "BEGIN{x = sprintf(\"%03d-%s\", 7, \"z\"); print x; print length(\"abc\") }"));
        // printf 'hello world\n' | awk '{ sub(/o/, "0"); print; gsub(/[a-z]/, "<&>"); print }'
        assertEquals(new Harness.Run("hell0 world\n<h><e><l><l>0 <w><o><r><l><d>\n", 0), h.run("hello world\n", "awk", "{ sub(/o/, \"0\"); print; gsub(/[a-z]/, \"<&>\"); print }"));
    }

    @Test
    void awkControlFlow() {
        // awk 'BEGIN{for(i=1;i<=5;i++){ if(i==2) continue; if(i==4) break; print i }}'
        assertEquals(new Harness.Run("1\n3\n", 0), h.run("", "awk", "BEGIN{for(i=1;i<=5;i++){ if(i==2) continue; if(i==4) break; print i }}"));
        // awk 'BEGIN{i=0; while(i<3) print i++; do { print "d" i } while (i-- > 2)}'
        assertEquals(new Harness.Run("0\n1\n2\nd3\nd2\n", 0), h.run("", "awk", "BEGIN{i=0; while(i<3) print i++; do { print \"d\" i } while (i-- > 2)}"));
        // awk 'function f(a, b) { return a*b } BEGIN { print f(3, 4) }'
        assertEquals(new Harness.Run("12\n", 0), h.run("", "awk", "function f(a, b) { return a*b } BEGIN { print f(3, 4) }"));
        // awk 'function fill(arr) { arr["k"]=1 } BEGIN { fill(A); print length(A), ("k" in A) }'
        assertEquals(new Harness.Run("1 1\n", 0), h.run("", "awk", "function fill(arr) { arr[\"k\"]=1 } BEGIN { fill(A); print length(A), (\"k\" in A) }"));
        // awk 'function fact(n) { return n<=1 ? 1 : n*fact(n-1) } BEGIN { print fact(10) }'
        assertEquals(new Harness.Run("3628800\n", 0), h.run("", "awk", "function fact(n) { return n<=1 ? 1 : n*fact(n-1) } BEGIN { print fact(10) }"));
        // printf 'a\nb\nc\n' | awk 'NR==2{next} {print} END{print "end"}'
        assertEquals(new Harness.Run("a\nc\nend\n", 0), h.run("a\nb\nc\n", "awk", "NR==2{next} {print} END{print \"end\"}"));
        // printf 'a\nb\n' | awk '{print; exit 3} END{print "e"}'
        assertEquals(new Harness.Run("a\ne\n", 3), h.run("a\nb\n", "awk", "{print; exit 3} END{print \"e\"}"));
        // awk 'BEGIN{a[1,2]=3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] } if ((1,2) in a) print "yes"; delete a[1,2]; print length(a)}'
        assertEquals(new Harness.Run("1 2\nyes\n0\n", 0), h.run("", "awk", "BEGIN{a[1,2]=3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2] } if ((1,2) in a) print \"yes\"; delete a[1,2]; print length(a)}"));
        // printf 'x y\n' | awk '{ getline line < "f1"; print line, $2 }' (files: f1)
        h.write("/root/f1", "first\nsecond\n");
        assertEquals(new Harness.Run("first y\n", 0), h.run("x y\n", "awk", "{ getline line < \"f1\"; print line, $2 }"));
        // printf 'l1\nl2\nl3\n' | awk 'NR==1{ getline; print "got", $0 } NR==3 { getline v; print "v", v, $0 }'
        assertEquals(new Harness.Run("got l2\nv  l3\n", 0), h.run("l1\nl2\nl3\n", "awk", "NR==1{ getline; print \"got\", $0 } NR==3 { getline v; print \"v\", v, $0 }"));
    }

    @Test
    void awkErrors() {
        // awk '{ print $1 '
        assertEquals(new Harness.Run("awk: line 2: missing } near end of file\n", 2), h.run("", "awk", "{ print $1 "));
        // awk 'BEGIN { x = }'
        assertEquals(new Harness.Run("awk: line 1: syntax error at or near }\n", 2), h.run("", "awk", "BEGIN { x = }"));
        // awk 'BEGIN{printf "%s\n"}'
        assertEquals(new Harness.Run("awk: run time error: not enough arguments passed to printf(\"%s\n\")\n\tFILENAME=\"\" FNR=0 NR=0\n", 2), h.run("", "awk", "BEGIN{printf \"%s\\n\"}"));
        // awk 1 nonexist
        assertEquals(new Harness.Run("awk: cannot open nonexist (No such file or directory)\n", 2), h.run("", "awk", "1", "nonexist"));
        // awk -Z
        assertEquals(new Harness.Run("awk: not an option: -Z\n", 2), h.run("", "awk", "-Z"));
        // awk 'BEGIN{print 1/0}'
        assertEquals(new Harness.Run("inf\n", 0), h.run("", "awk", "BEGIN{print 1/0}"));
    }

    @Test
    void awkFiles() {
        // awk '{print FILENAME, FNR, NR}' f1 f2 (files: f1, f2)
        h.write("/root/f1", "a\nb\n");
        h.write("/root/f2", "c\n");
        assertEquals(new Harness.Run("f1 1 1\nf1 2 2\nf2 1 3\n", 0), h.run("", "awk", "{print FILENAME, FNR, NR}", "f1", "f2"));
        // awk '{print x, $0}' x=1 f1 x=2 f1 (files: f1)
        h.write("/root/f1", "a\n");
        assertEquals(new Harness.Run("1 a\n2 a\n", 0), h.run("", "awk", "{print x, $0}", "x=1", "f1", "x=2", "f1"));
    }

    @Test
    void awkSubstr() {
        // awk 'BEGIN{for(m=-2;m<=3;m++){ line=m":"; for(n=0;n<=4;n++) line=line" "n"=["substr("hello",m,n)"]"; print line}; print "[" substr("hello",1.5) "][" substr("hello",1.4,1) "][" substr("hello",2.5,1) "][" substr("hello",1,2.5) "]"}'
        assertEquals(new Harness.Run("-2: 0=[he] 1=[hel] 2=[hell] 3=[hello] 4=[hello]\n-1: 0=[h] 1=[he] 2=[hel] 3=[hell] 4=[hello]\n0: 0=[] 1=[h] 2=[he] 3=[hel] 4=[hell]\n1: 0=[] 1=[h] 2=[he] 3=[hel] 4=[hell]\n2: 0=[] 1=[e] 2=[el] 3=[ell] 4=[ello]\n3: 0=[] 1=[l] 2=[ll] 3=[llo] 4=[llo]\n[hello][h][e][he]\n", 0), h.run("", "awk", "BEGIN{for(m=-2;m<=3;m++){ line=m\":\"; for(n=0;n<=4;n++) line=line\" \"n\"=[\"substr(\"hello\",m,n)\"]\"; print line}; print \"[\" substr(\"hello\",1.5) \"][\" substr(\"hello\",1.4,1) \"][\" substr(\"hello\",2.5,1) \"][\" substr(\"hello\",1,2.5) \"]\"}"));
    }

}
