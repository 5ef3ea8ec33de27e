"""frame_size.py FUNC PLAIN.su PLUGIN.su MAX_EXTRA: fail unless FUNC's frame
in the plugin's build (-fstack-usage output) is at most MAX_EXTRA bytes
larger than in the plain build; prints both sizes."""
import sys

def frame(path, func):
    for line in open(path):
        loc, size, _kind = line.rstrip('\n').split('\t')
        if loc.split(':')[-1] == func:
            return int(size)
    sys.exit('%s: no frame for %s' % (path, func))

func, plain_su, plugin_su, max_extra = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
plain, plugin = frame(plain_su, func), frame(plugin_su, func)
print('%s plain %d plugin %d' % (func, plain, plugin))
if plugin - plain > max_extra:
    sys.exit('frame of %s grew by %d bytes (> %d) with the plugin' % (func, plugin - plain, max_extra))
