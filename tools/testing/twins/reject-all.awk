# Gives each op of a ynl-gen-c.py ops table that has no policy the policy
# named by -v policy= (the twin's reject-all policy, maxattr 1).
#
# The 6.12 core advertises reject-all for such split ops (nlctrl) but does
# not apply it on the request path: their attributes are silently ignored.
# The Rust layer refuses them, as advertised; so must a twin that is to
# answer alike (and do the same work).
/^\t\{$/ { op = ""; in_op = 1 }
in_op {
	op = op $0 "\n"
	if ($0 == "\t},") {
		if (op !~ /\.policy/)
			sub(/\t\t\.flags/, "\t\t.policy\t= " policy ",\n\t\t.maxattr\t= 1,\n\t\t.flags", op)
		printf "%s", op
		in_op = 0
	}
	next
}
{ print }
