# Pins down: the shell part of the subset: true/false statuses, echo, an unknown command
# (bash's "NAME.sh: line N: foo: command not found", exit 127), sleep with a fraction, wait
# with no jobs, kill of a job that does not exist.
true
false
echo hello world
echo "quoted   text" 'single'
foo
foo bar baz
sleep 0.2
wait
kill %1
echo done
