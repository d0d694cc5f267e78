import io.configurableagents.it.ItDocker

// leftovers of an earlier run that stopped half-way
ItDocker.removeQuietly(['deploy-it'], ['deploy-it-data'], ['deploy-it:1.0.0'])

// an env file with values that must reach the container and never the image, the log or the files
def secret = 'sk-it-' + UUID.randomUUID()
new File(basedir, '.env').text = "OPENAI_API_KEY=${secret}\nIT_MARKER=marker-${UUID.randomUUID()}\n"
return true
