import io.configurableagents.it.ItDocker

ItDocker.removeQuietly(['redeploy-it'], ['redeploy-it-data'],
    ['redeploy-it:first', 'redeploy-it:second', 'redeploy-it:again'])
return true
