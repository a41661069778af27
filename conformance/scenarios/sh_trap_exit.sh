# Pins down: trap ... EXIT inside bash -c runs when that shell ends (after exit N, keeping N), and
# at the scenario's top level it runs after the last command's output.
bash -c 'trap "echo cleanup" EXIT; echo work'
bash -c 'trap "echo cleanup; ip netns del tmpns" EXIT; ip netns add tmpns; ip netns list; exit 3'
ip netns list | wc -l
trap 'echo "scenario exit trap"; ip netns list' EXIT
ip netns add last
echo end
