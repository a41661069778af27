# Pins down: the usage texts that ip prints (exit 255): ip with no arguments, ip help, ip -help,
# ip netns help (also with extra words); and that a bare `ip netns` lists (empty here).
ip
ip help
ip -help
ip netns help
ip netns help foo
ip netns
