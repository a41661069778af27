# Pins down: case with literal, alternative and glob patterns, the first match wins, ;; and a
# fall-through pattern *, in a loop over namespace names.
ip netns add web1
ip netns add db
ip netns add cache
for ns in $(ip netns list | awk '{print $1}'); do
  case $ns in
    web*) echo "$ns: web tier" ;;
    db | cache) echo "$ns: data tier" ;;
    *) echo "$ns: unknown" ;;
  esac
done
case x in y) echo no ;; esac
echo "status $?"
case "ns 1" in "ns 1") echo quoted match ;; *) echo no ;; esac
