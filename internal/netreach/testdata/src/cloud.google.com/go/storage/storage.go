// Package storage is a stand-in for cloud.google.com/go/storage.
package storage

import "context"

type Client struct{}
type ObjectHandle struct{}
type ObjectAttrs struct{}
type BucketHandle struct{}
type ObjectIterator struct{}

func (c *Client) Bucket(name string) *BucketHandle                         { return nil }
func (b *BucketHandle) Object(name string) *ObjectHandle                   { return nil }
func (b *BucketHandle) Objects(ctx context.Context, q any) *ObjectIterator { return nil }
func (o *ObjectHandle) Attrs(ctx context.Context) (*ObjectAttrs, error)    { return nil, nil }
func (o *ObjectHandle) Delete(ctx context.Context) error                   { return nil }
