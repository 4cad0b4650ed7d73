//go:build tools

// Package services8 holds the requirements of the reserve held-out service
// corpus (bench/services8, built for round 6 of issue #14's split): it
// imports every importable package that packages.txt selects, so that
// `go mod tidy` keeps their modules. The tools tag keeps it out of every
// build; the corpus runner analyzes the packages of packages.txt, never
// this file. Regenerate it when packages.txt changes (bench/README.md).
package services8

import (
	_ "connectrpc.com/connect"
	_ "github.com/ThreeDotsLabs/watermill-kafka/v3/pkg/kafka"
	_ "github.com/ThreeDotsLabs/watermill-redisstream/pkg/redisstream"
	_ "github.com/bradfitz/gomemcache/memcache"
	_ "github.com/bwmarrin/discordgo"
	_ "github.com/docker/docker/client"
	_ "github.com/emersion/go-smtp"
	_ "github.com/go-openapi/runtime"
	_ "github.com/go-openapi/runtime/client"
	_ "github.com/go-openapi/runtime/flagext"
	_ "github.com/go-openapi/runtime/logger"
	_ "github.com/go-openapi/runtime/middleware"
	_ "github.com/go-openapi/runtime/middleware/denco"
	_ "github.com/go-openapi/runtime/middleware/header"
	_ "github.com/go-openapi/runtime/middleware/untyped"
	_ "github.com/go-openapi/runtime/security"
	_ "github.com/go-openapi/runtime/yamlpc"
	_ "github.com/go-redsync/redsync/v4"
	_ "github.com/go-redsync/redsync/v4/redis"
	_ "github.com/go-redsync/redsync/v4/redis/goredis"
	_ "github.com/go-redsync/redsync/v4/redis/goredis/v7"
	_ "github.com/go-redsync/redsync/v4/redis/goredis/v8"
	_ "github.com/go-redsync/redsync/v4/redis/goredis/v9"
	_ "github.com/go-redsync/redsync/v4/redis/redigo"
	_ "github.com/go-redsync/redsync/v4/redis/rueidis"
	_ "github.com/google/go-containerregistry/pkg/authn"
	_ "github.com/google/go-containerregistry/pkg/compression"
	_ "github.com/google/go-containerregistry/pkg/logs"
	_ "github.com/google/go-containerregistry/pkg/name"
	_ "github.com/google/go-containerregistry/pkg/v1"
	_ "github.com/google/go-containerregistry/pkg/v1/empty"
	_ "github.com/google/go-containerregistry/pkg/v1/match"
	_ "github.com/google/go-containerregistry/pkg/v1/mutate"
	_ "github.com/google/go-containerregistry/pkg/v1/partial"
	_ "github.com/google/go-containerregistry/pkg/v1/remote"
	_ "github.com/google/go-containerregistry/pkg/v1/remote/transport"
	_ "github.com/google/go-containerregistry/pkg/v1/stream"
	_ "github.com/google/go-containerregistry/pkg/v1/tarball"
	_ "github.com/google/go-containerregistry/pkg/v1/types"
	_ "github.com/hashicorp/go-tfe"
	_ "github.com/twitchtv/twirp"
	_ "github.com/twitchtv/twirp/ctxsetters"
	_ "github.com/twitchtv/twirp/hooks/statsd"
)
