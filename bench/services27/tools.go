//go:build tools

// Package services27 holds the requirements of bench/services27: it imports
// every importable package that packages.txt selects, so that `go mod tidy`
// keeps their modules. The tools tag keeps it out of every build.
package services27

import (
	_ "github.com/go-playground/webhooks/v6/azuredevops"
	_ "github.com/go-playground/webhooks/v6/bitbucket"
	_ "github.com/go-playground/webhooks/v6/bitbucket-server"
	_ "github.com/go-playground/webhooks/v6/docker"
	_ "github.com/go-playground/webhooks/v6/gitea"
	_ "github.com/go-playground/webhooks/v6/github"
	_ "github.com/go-playground/webhooks/v6/gitlab"
	_ "github.com/go-playground/webhooks/v6/gogs"
	_ "github.com/golang-queue/nats"
	_ "github.com/kataras/neffos"
	_ "github.com/kataras/neffos/gobwas"
	_ "github.com/kataras/neffos/gorilla"
	_ "github.com/kataras/neffos/stackexchange/nats"
	_ "github.com/kataras/neffos/stackexchange/redis"
)
