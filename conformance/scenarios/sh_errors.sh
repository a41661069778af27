# Pins down: bash's own errors: command not found (127) also inside a pipeline and bash -c, a missing
# file as a command (127, No such file or directory), a file that is not executable (126, Permission
# denied), a directory as a command (126), a redirection from a missing file, and syntax errors that
# eval and bash -c report while the scenario goes on.
nosuch
nosuch | wc -l
bash -c nosuch
/tmp/nosuch
touch /tmp/plain
/tmp/plain
/tmp
cat < /tmp/nosuch
eval 'if then'
echo "eval status $?"
eval 'echo "open'
bash -c 'for x in; do'
bash -c 'fi'
bash -c 'echo ok; (('
bash -c '{ echo a'
echo still running
